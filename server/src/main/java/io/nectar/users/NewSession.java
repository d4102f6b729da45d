package io.nectar.users;

/** A session just opened: the token goes into the browser's cookie and nowhere else. */
public record NewSession(DashboardSession session, String token) {}
