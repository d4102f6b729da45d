package io.nectar.jobs;

import io.nectar.errors.InvalidInput;
import io.nectar.http.Api;
import io.nectar.http.Fields;
import io.nectar.http.FileForm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What an upload request asks for, read from its body with a 400 (or 413) for anything wrong. */
final class UploadInput {
  static final String DOCUMENT = "document";
  static final String DOCUMENTS = "documents";
  static final String SITE_ID = "siteId";

  private UploadInput() {}

  /** One file and the site it is for. */
  record File(String fileName, byte[] bytes, UUID siteId) {}

  /** The URLs of a bulk job and the site they are for. */
  record Urls(List<String> urls, UUID siteId) {}

  /** {@code document} (one file, not empty; the routes check its size) and an optional {@code siteId}. */
  static File file(FileForm form) {
    Map<String, List<String>> errors = new LinkedHashMap<>();
    List<FileForm.FilePart> parts = form.files().getOrDefault(DOCUMENT, List.of());
    if (parts.isEmpty()) {
      errors.put(DOCUMENT, List.of(form.fields().containsKey(DOCUMENT)
          ? "The submitted data was not a file: send it as a file part (curl -F document=@bill.pdf)."
          : "No file was submitted."));
    } else if (parts.size() > 1) {
      errors.put(DOCUMENT, List.of("Send one file per job; POST /job/company/{id}/bulk takes several by URL."));
    } else if (parts.get(0).bytes().length == 0) {
      errors.put(DOCUMENT, List.of("The submitted file is empty."));
    }
    form.files().keySet().stream().filter(name -> !name.equals(DOCUMENT))
        .forEach(name -> errors.put(name, List.of("Unknown field.")));
    UUID siteId = null;
    for (Map.Entry<String, List<String>> field : form.fields().entrySet()) {
      if (field.getKey().equals(SITE_ID)) {
        if (field.getValue().size() > 1) {
          errors.put(SITE_ID, List.of("Send one siteId."));
          continue;
        }
        String raw = field.getValue().get(0).trim();
        Optional<UUID> id = raw.isEmpty() || raw.equals("null") ? Optional.empty() : Api.uuid(raw);
        if (!raw.isEmpty() && !raw.equals("null") && id.isEmpty()) {
          errors.put(SITE_ID, List.of("Must be a valid UUID."));
        }
        siteId = id.orElse(null);
      } else if (!field.getKey().equals(DOCUMENT)) {
        errors.put(field.getKey(), List.of("Unknown field."));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    FileForm.FilePart part = parts.get(0);
    return new File(part.fileName(), part.bytes(), siteId);
  }

  /** {@code documents} (1 to 100 https URLs) and an optional {@code siteId}, as JSON or a form. */
  static Urls urls(Fields fields) {
    fields.require(DOCUMENTS);
    List<String> urls = fields.textList(DOCUMENTS, JobService.MAX_URLS, 2_000);
    List<String> checked = new ArrayList<>();
    if (urls != null) {
      if (urls.isEmpty()) {
        fields.reject(DOCUMENTS, "This list may not be empty.");
      }
      for (int i = 0; i < urls.size(); i++) {
        Optional<String> problem = DocumentFetcher.urlProblem(urls.get(i));
        if (problem.isPresent()) {
          fields.reject(DOCUMENTS, "Item " + i + ": " + problem.get());
        } else {
          checked.add(urls.get(i));
        }
      }
    }
    String rawSite = fields.text(SITE_ID, 36, Fields.Empty.ALLOWED);
    UUID siteId = null;
    if (rawSite != null && !rawSite.isEmpty()) {
      siteId = Api.uuid(rawSite).orElse(null);
      if (siteId == null) {
        fields.reject(SITE_ID, "Must be a valid UUID.");
      }
    }
    fields.finish();
    return new Urls(checked, siteId);
  }
}
