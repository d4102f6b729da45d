package io.nectar.client.service;

import io.nectar.client.RequestOptions;
import io.nectar.client.internal.Api;
import io.nectar.client.model.SandboxBill;
import java.util.UUID;

/**
 * Sandbox helpers (this server's extension): make a sandbox connection produce its next month's
 * bills now, with their events, to test an integration without waiting for a utility.
 */
public final class SandboxService {
  private final Api api;

  public SandboxService(Api api) {
    this.api = api;
  }

  public SandboxBill createBill(UUID connectionId) {
    return createBill(connectionId, RequestOptions.DEFAULT);
  }

  public SandboxBill createBill(UUID connectionId, RequestOptions options) {
    return api.post("/sandbox/connection/" + connectionId + "/bill", null, SandboxBill.class, options);
  }
}
