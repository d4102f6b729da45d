package io.nectar.client.service;

import io.nectar.client.Page;
import io.nectar.client.RequestOptions;
import io.nectar.client.internal.Api;
import io.nectar.client.model.DataFilter;
import io.nectar.client.model.Document;
import java.util.UUID;

/**
 * Documents (processed bills), listed by company, site or connection with a {@link DataFilter}.
 * Which fields are filled depends on the base URL's version (see {@link Document}).
 */
public final class DocumentService {
  private final Api api;

  public DocumentService(Api api) {
    this.api = api;
  }

  public Page<Document> listByCompany(UUID companyId, DataFilter filter) {
    return listByCompany(companyId, filter, RequestOptions.DEFAULT);
  }

  public Page<Document> listByCompany(UUID companyId, DataFilter filter, RequestOptions options) {
    return list("/document/company/" + companyId, filter, options);
  }

  public Page<Document> listBySite(UUID siteId, DataFilter filter) {
    return listBySite(siteId, filter, RequestOptions.DEFAULT);
  }

  public Page<Document> listBySite(UUID siteId, DataFilter filter, RequestOptions options) {
    return list("/document/site/" + siteId, filter, options);
  }

  public Page<Document> listByConnection(UUID connectionId, DataFilter filter) {
    return listByConnection(connectionId, filter, RequestOptions.DEFAULT);
  }

  public Page<Document> listByConnection(UUID connectionId, DataFilter filter, RequestOptions options) {
    return list("/document/connection/" + connectionId, filter, options);
  }

  public Document get(UUID documentId) {
    return get(documentId, RequestOptions.DEFAULT);
  }

  public Document get(UUID documentId, RequestOptions options) {
    return api.get("/document/" + documentId, Document.class, options);
  }

  /** Soft-deletes the document (it stays visible with {@code isDeleted(true)} in a filter). */
  public void delete(UUID documentId) {
    delete(documentId, RequestOptions.DEFAULT);
  }

  public void delete(UUID documentId, RequestOptions options) {
    api.delete("/document/" + documentId, options);
  }

  private Page<Document> list(String path, DataFilter filter, RequestOptions options) {
    return api.page(path, filter.documentQuery(), "documents", Document.class, options, 1);
  }
}
