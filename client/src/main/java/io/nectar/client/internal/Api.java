package io.nectar.client.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import io.nectar.client.MalformedResponseException;
import io.nectar.client.Page;
import io.nectar.client.RequestOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The typed calls services make: send through the {@link Transport} and read the answer as a
 * model, a list or a page. Not part of the public API.
 */
public final class Api {
  private final Transport transport;

  public Api(Transport transport) {
    this.transport = transport;
  }

  public Transport transport() {
    return transport;
  }

  public <T> T get(String path, Class<T> type, RequestOptions options) {
    return Json.read(transport.send(ApiRequest.get(path, null), options), Json.type(type));
  }

  public <T> List<T> getList(String path, Class<T> type, RequestOptions options) {
    return Json.read(transport.send(ApiRequest.get(path, null), options), Json.listOf(type));
  }

  public <T> T post(String path, Object body, Class<T> type, RequestOptions options) {
    return Json.read(transport.send(ApiRequest.json("POST", path, body), options), Json.type(type));
  }

  public <T> T postMultipart(String path, Multipart body, Class<T> type, RequestOptions options) {
    ApiRequest request = new ApiRequest("POST", path, null, body.bytes(), body.contentType());
    return Json.read(transport.send(request, options), Json.type(type));
  }

  public <T> T patch(String path, Object body, Class<T> type, RequestOptions options) {
    return Json.read(transport.send(ApiRequest.json("PATCH", path, body), options), Json.type(type));
  }

  public <T> List<T> patchList(String path, Object body, Class<T> type, RequestOptions options) {
    return Json.read(transport.send(ApiRequest.json("PATCH", path, body), options), Json.listOf(type));
  }

  public void delete(String path, RequestOptions options) {
    transport.send(ApiRequest.delete(path), options);
  }

  /**
   * Fetches one page of a list whose envelope holds its items under {@code itemsKey} and the count
   * under {@code total<ItemsKey>} (nectar-api §1.5). The page knows how to fetch its neighbours
   * with the same query and options.
   */
  public <T> Page<T> page(String path, Map<String, List<String>> query, String itemsKey, Class<T> type,
      RequestOptions options, int pageNumber) {
    Map<String, List<String>> withPage = new LinkedHashMap<>(query == null ? Map.of() : query);
    if (pageNumber > 1) {
      withPage.put("page", List.of(Integer.toString(pageNumber)));
    }
    ApiResponse response = transport.send(ApiRequest.get(path, withPage), options);
    JsonNode envelope = Json.tree(response);
    JsonNode items = envelope.get(itemsKey);
    if (!envelope.isObject() || items == null || !items.isArray()) {
      throw new MalformedResponseException("Expected a page envelope with a \"" + itemsKey + "\" array but got: "
          + Json.snippet(response.body()), response.status(), response.requestId(), null);
    }
    JavaType listType = Json.listOf(type);
    List<T> list = Json.convert(response, items, listType);
    String totalKey = "total" + Character.toUpperCase(itemsKey.charAt(0)) + itemsKey.substring(1);
    JsonNode total = envelope.get(totalKey);
    return new Page<>(list,
        integer(envelope, "currentPage", pageNumber),
        integer(envelope, "perPage", list.size()),
        integer(envelope, "totalPages", 1),
        envelope.path("hasNext").asBoolean(false),
        envelope.path("hasPrevious").asBoolean(false),
        total != null && total.canConvertToLong() ? total.asLong() : null,
        next -> page(path, query, itemsKey, type, options, next));
  }

  private static int integer(JsonNode envelope, String name, int fallback) {
    JsonNode value = envelope.get(name);
    return value != null && value.canConvertToInt() ? value.asInt() : fallback;
  }
}
