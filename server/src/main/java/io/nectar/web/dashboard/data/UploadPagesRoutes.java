package io.nectar.web.dashboard.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.nectar.companies.CompanyDetails;
import io.nectar.errors.InvalidInput;
import io.nectar.http.FileForm;
import io.nectar.http.Json;
import io.nectar.http.Pagination;
import io.nectar.http.Pagination.PageRequest;
import io.nectar.jobs.Job;
import io.nectar.jobs.JobService;
import io.nectar.web.dashboard.DashboardGate;
import io.nectar.web.dashboard.DashboardPage;
import io.nectar.web.dashboard.SignedIn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Uploading bills: a page to drop them on (its script sends one file per request, showing each file's
 * progress, then watches its job), the jobs of the company, and one job's state as JSON. Each file
 * becomes an upload job exactly as {@code POST /job/company/{id}} makes one ({@link JobService}).
 */
final class UploadPagesRoutes {
  /** A form sent without the script may carry several bills; each becomes its own job. */
  private static final int MAX_FILES_PER_FORM = 10;

  private final DataServices services;
  private final DashboardGate gate;
  private final DashboardPage page;

  UploadPagesRoutes(DataServices services, DashboardGate gate, DashboardPage page) {
    this.services = services;
    this.gate = gate;
    this.page = page;
  }

  void register(RoutesConfig routes) {
    routes.get("/dashboard/companies/{companyId}/uploads", this::uploads);
    routes.post("/dashboard/companies/{companyId}/uploads", this::upload);
    routes.get("/dashboard/jobs/{jobId}", this::job);
  }

  private void uploads(Context ctx) {
    SignedIn who = gate.require(ctx);
    UUID id = Ids.of(ctx.pathParam("companyId"), "Company");
    CompanyDetails company = Owned.get("Company", () -> services.companies().get(who.caller(), id));
    PageRequest request = PageRequest.parse(ctx.queryParam("page"), Pagination.PAGE_SIZE);
    var jobs = Owned.get("Company", () -> services.jobs().list(who.caller(), id, request));
    page.render(ctx, "dashboard/data/uploads.jte", Map.of("who", who, "company", company, "jobs", jobs,
        "query", new ListQuery("/dashboard/companies/" + id + "/uploads", ctx.queryParamMap(), Set.of()),
        "maxMegabytes", JobService.MAX_FILE_BYTES / (1024 * 1024)));
  }

  /**
   * One or more files in the field {@code document}, and optionally {@code siteId}. The page's script
   * (Accept: application/json) gets {@code {"jobs": [{"id", "status"}]}} with 201; a plain form goes back
   * to the page.
   */
  private void upload(Context ctx) {
    SignedIn who = gate.require(ctx);
    UUID id = Ids.of(ctx.pathParam("companyId"), "Company");
    // The company first, as the API does: another tenant's company is "not found" whatever the body holds.
    Owned.get("Company", () -> services.companies().get(who.caller(), id));
    FileForm form = FileForm.of(ctx, DashboardGate.MAX_UPLOAD_BYTES);
    List<FileForm.FilePart> files = form.files().getOrDefault("document", List.of()).stream()
        .filter(f -> f.bytes().length > 0).toList();
    if (files.isEmpty()) {
      throw InvalidInput.field("document", "Choose one or more bills (PDF, PNG or JPEG) to upload.");
    }
    if (files.size() > MAX_FILES_PER_FORM) {
      throw InvalidInput.field("document", "Send at most " + MAX_FILES_PER_FORM + " bills at once.");
    }
    if (files.stream().anyMatch(f -> f.bytes().length > JobService.MAX_FILE_BYTES)) {
      throw new io.nectar.http.ApiError(413, "Each bill may be at most "
          + JobService.MAX_FILE_BYTES / (1024 * 1024) + " MB.");
    }
    List<String> site = form.fields().getOrDefault("siteId", List.of()).stream().filter(s -> !s.isBlank()).toList();
    UUID siteId = site.isEmpty() ? null : io.nectar.http.Api.uuid(site.get(0))
        .orElseThrow(() -> InvalidInput.field("siteId", "Choose one of the company's sites."));
    List<Job> jobs = new ArrayList<>();
    for (FileForm.FilePart file : files) {
      jobs.add(Owned.get("Company", () -> services.jobs().upload(who.caller(), id, siteId, file.fileName(),
          file.bytes())));
    }
    DashboardPage.secure(ctx, null);
    if (String.valueOf(ctx.header("Accept")).contains("application/json")) {
      ObjectNode body = Json.object();
      var list = body.putArray("jobs");
      jobs.forEach(job -> list.addObject().put("id", job.id().toString()).put("status", job.status().name()));
      Json.respond(ctx, 201, body);
      return;
    }
    ctx.redirect("/dashboard/companies/" + id + "/uploads", HttpStatus.SEE_OTHER);
  }

  /** {@code {"id", "status", "terminationReason", "documents": [ids]}}, for the upload page to watch. */
  private void job(Context ctx) {
    SignedIn who = gate.require(ctx);
    UUID id = Ids.of(ctx.pathParam("jobId"), "Job");
    Job job = Owned.get("Job", () -> services.jobs().get(who.caller(), id));
    ObjectNode body = Json.object().put("id", job.id().toString()).put("status", job.status().name())
        .put("terminationReason", job.terminationReason());
    var documents = body.putArray("documents");
    job.documentIds().forEach(d -> documents.add(d.toString()));
    DashboardPage.secure(ctx, null);
    Json.respond(ctx, 200, body);
  }
}
