package io.nectar.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobOutcomesTest {
  private static JobFile done(String name, FileOutcome outcome, String reason) {
    return new JobFile(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 0, name, null, "k", "s", null,
        JobFile.State.DONE, outcome, null, reason, 1);
  }

  @Test
  void aSingleFileTerminatesForTheFilesFaultAndFailsForTheServers() {
    assertThat(JobOutcomes.conclude(JobKind.FILE, List.of(done("a.pdf", FileOutcome.UNREADABLE, "the PDF is damaged"))))
        .isEqualTo(new JobOutcomes.Conclusion(JobStatus.TERMINATED, "the PDF is damaged"));
    assertThat(JobOutcomes.conclude(JobKind.FILE, List.of(done("a.pdf", FileOutcome.FAILED, "no OCR"))))
        .isEqualTo(new JobOutcomes.Conclusion(JobStatus.FAILED, "no OCR"));
    assertThat(JobOutcomes.conclude(JobKind.FILE, List.of(done("a.pdf", FileOutcome.NOT_A_BILL, null))).status())
        .isEqualTo(JobStatus.COMPLETED);
  }

  @Test
  void aBulkJobCompletesListingTheFilesNotReadAndFailsOnlyWhenEveryFileFailedForTheServer() {
    var mixed = JobOutcomes.conclude(JobKind.URLS, List.of(done("a.pdf", FileOutcome.DOCUMENT, null),
        done("b.pdf", FileOutcome.FETCH_FAILED, "HTTP 404"), done("c.pdf", FileOutcome.FAILED, "no OCR")));
    assertThat(mixed).isEqualTo(new JobOutcomes.Conclusion(JobStatus.COMPLETED,
        "2 of 3 files were not read: b.pdf: HTTP 404; c.pdf: no OCR"));
    assertThat(JobOutcomes.conclude(JobKind.URLS, List.of(done("a.pdf", FileOutcome.FAILED, "no OCR"))).status())
        .isEqualTo(JobStatus.FAILED);
    assertThat(JobOutcomes.conclude(JobKind.URLS, List.of(done("a.pdf", FileOutcome.DUPLICATE, null))))
        .isEqualTo(new JobOutcomes.Conclusion(JobStatus.COMPLETED, null));
  }
}
