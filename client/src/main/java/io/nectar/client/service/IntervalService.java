package io.nectar.client.service;

import io.nectar.client.Page;
import io.nectar.client.RequestOptions;
import io.nectar.client.internal.Api;
import io.nectar.client.model.Interval;
import io.nectar.client.model.IntervalFilter;
import java.util.UUID;

/** Interval (smart-meter) readings of a connection, BETA in Nectar's API. */
public final class IntervalService {
  private final Api api;

  public IntervalService(Api api) {
    this.api = api;
  }

  public Page<Interval> listByConnection(UUID connectionId) {
    return listByConnection(connectionId, IntervalFilter.NONE, RequestOptions.DEFAULT);
  }

  public Page<Interval> listByConnection(UUID connectionId, IntervalFilter filter) {
    return listByConnection(connectionId, filter, RequestOptions.DEFAULT);
  }

  public Page<Interval> listByConnection(UUID connectionId, IntervalFilter filter, RequestOptions options) {
    return api.page("/interval/connection/" + connectionId, filter.query(), "intervals", Interval.class, options, 1);
  }
}
