package io.nectar.client;

import mockwebserver3.MockResponse;

/** Short names for the canned answers the tests enqueue. */
final class Responses {
  private Responses() {
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
        .setHeader("X-Request-Id", "req-" + code).body(body).build();
  }

  static MockResponse json(String body) {
    return json(200, body);
  }

  static MockResponse status(int code) {
    return json(code, "{\"detail\": \"status " + code + "\"}");
  }

  static String page(String itemsKey, int current, int totalPages, String items) {
    String total = "total" + Character.toUpperCase(itemsKey.charAt(0)) + itemsKey.substring(1);
    return "{\"" + total + "\": 250, \"perPage\": 100, \"totalPages\": " + totalPages + ", \"currentPage\": " + current
        + ", \"hasNext\": " + (current < totalPages) + ", \"hasPrevious\": " + (current > 1) + ", \"" + itemsKey
        + "\": [" + items + "]}";
  }

  static final String COMPANY = "{\"id\": \"0190f3a2-7a10-7c3e-8b55-6d1e2f3a4b5c\", \"name\": \"Demo Company\","
      + " \"isDemandEnabled\": false, \"sites\": [], \"users\": [\"a@example.com\"], \"externalId\": null,"
      + " \"dataCollectionStartDate\": \"2024-01-01\", \"isImpliedMeteringEnabled\": false,"
      + " \"impliedMeteringFraction\": \"1.00\", \"isBasicIdentifierMappingEnabled\": false,"
      + " \"isLowAccuracyModeEnabled\": false}";

  static String job(String id, String status) {
    return "{\"id\": \"" + id + "\", \"status\": \"" + status + "\", \"parsedDocumentIds\": [], \"duplicates\": 0,"
        + " \"duplicateDocumentIds\": [], \"nonUtilityDocumentIds\": [], \"terminationReason\": null, \"files\": []}";
  }
}
