package io.nectar.jobs;

import io.nectar.http.Api;
import io.nectar.http.ApiError;
import io.nectar.http.FileForm;
import io.nectar.http.Json;
import io.nectar.http.Pagination;
import io.nectar.http.Pagination.PageRequest;

/**
 * Upload jobs (nectar-api.md §10.1): {@code POST /job/company/{id}} (one file, multipart),
 * {@code POST /job/company/{id}/bulk} (https URLs), {@code GET /job/{id}} and the company's jobs,
 * {@code GET /job/company/{id}}, newest first in the usual envelope.
 */
public final class JobRoutes {
  /** Room for the multipart framing and the siteId field around a file of the full 25 MB. */
  private static final long FORM_OVERHEAD = 64 * 1024;

  private final JobService service;

  public JobRoutes(JobService service) {
    this.service = service;
  }

  /** A file over 25 MB is a 413 naming the limit, even when its form fits the body limit. */
  private static FileForm withinLimit(FileForm form) {
    boolean tooLarge = form.files().values().stream().flatMap(java.util.List::stream)
        .anyMatch(part -> part.bytes().length > JobService.MAX_FILE_BYTES);
    if (tooLarge) {
      throw new ApiError(413, "The file is larger than the limit of 25 MB (" + JobService.MAX_FILE_BYTES
          + " bytes).");
    }
    return form;
  }

  public void register(Api api) {
    api.upload("/job/company/{companyId}", JobService.MAX_FILE_BYTES + FORM_OVERHEAD, ctx -> {
      Job job = service.submitFile(Api.caller(ctx), Api.id(ctx, "companyId", "Company"),
          () -> UploadInput.file(withinLimit(Api.files(ctx))));
      Json.respond(ctx, 201, JobView.render(job));
    });
    api.post("/job/company/{companyId}/bulk", ctx -> {
      Job job = service.submitUrls(Api.caller(ctx), Api.id(ctx, "companyId", "Company"),
          () -> UploadInput.urls(Api.fields(ctx)));
      Json.respond(ctx, 201, JobView.render(job));
    });
    api.get("/job/{jobId}", ctx -> Json.respond(ctx, 200,
        JobView.render(service.get(Api.caller(ctx), Api.id(ctx, "jobId", "Job")))));
    api.get("/job/company/{companyId}", ctx -> {
      var companyId = Api.id(ctx, "companyId", "Company");
      PageRequest page = PageRequest.parse(ctx.queryParam("page"), Pagination.PAGE_SIZE);
      JobService.JobPage result = service.list(Api.caller(ctx), companyId, page);
      result.window().stream(ctx, "totalJobs", "jobs", result.jobs(), (g, job) -> g.writeTree(JobView.render(job)));
    });
  }
}
