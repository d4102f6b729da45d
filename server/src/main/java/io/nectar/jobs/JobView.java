package io.nectar.jobs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nectar.http.Json;
import java.util.List;
import java.util.UUID;

/**
 * A job as JSON, the same under every version: Nectar's fields ({@code id}, {@code status},
 * {@code parsedDocumentIds}, {@code duplicates}, {@code duplicateDocumentIds},
 * {@code nonUtilityDocumentIds}, {@code terminationReason}), whose result lists are filled once the
 * job is no longer PENDING, and this server's additions: {@code company}, {@code siteId},
 * {@code created}, {@code updated} and {@code files}, each file's own progress and outcome.
 */
final class JobView {
  private JobView() {}

  static ObjectNode render(Job job) {
    ObjectNode json = Json.object();
    json.put("id", job.id().toString());
    json.put("status", job.status().name());
    boolean done = job.status() != JobStatus.PENDING;
    List<JobFile> files = job.files();
    json.set("parsedDocumentIds", ids(done, files, FileOutcome.DOCUMENT, FileOutcome.REVISION));
    ArrayNode duplicates = ids(done, files, FileOutcome.DUPLICATE);
    json.put("duplicates", done ? files.stream().filter(f -> f.outcome() == FileOutcome.DUPLICATE).count() : 0);
    json.set("duplicateDocumentIds", duplicates);
    // Nothing is created for a file that is not a bill: the id is the file's, as listed in `files`.
    ArrayNode nonUtility = Json.array();
    if (done) {
      files.stream().filter(f -> f.outcome() == FileOutcome.NOT_A_BILL).forEach(f -> nonUtility.add(f.id().toString()));
    }
    json.set("nonUtilityDocumentIds", nonUtility);
    json.put("terminationReason", job.terminationReason());
    json.put("company", job.companyId().toString());
    json.put("siteId", job.siteId() == null ? null : job.siteId().toString());
    json.put("created", Json.timestamp(job.created()));
    json.put("updated", Json.timestamp(job.updated()));
    ArrayNode list = json.putArray("files");
    for (JobFile f : files) {
      ObjectNode file = list.addObject();
      file.put("id", f.id().toString());
      file.put("fileName", f.fileName());
      file.put("status", f.state().name());
      file.put("outcome", f.outcome() == null ? null : f.outcome().name());
      file.put("documentId", f.documentId() == null ? null : f.documentId().toString());
      file.put("reason", f.reason());
    }
    return json;
  }

  private static ArrayNode ids(boolean done, List<JobFile> files, FileOutcome... outcomes) {
    ArrayNode ids = Json.array();
    if (done) {
      List<FileOutcome> wanted = List.of(outcomes);
      files.stream().filter(f -> wanted.contains(f.outcome())).map(JobFile::documentId)
          .filter(java.util.Objects::nonNull).map(UUID::toString).forEach(ids::add);
    }
    return ids;
  }
}
