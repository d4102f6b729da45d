package io.nectar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nectar.cli.UploadManifest.Entry;
import io.nectar.cli.UploadManifest.State;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadManifestTest {
  @TempDir
  Path state;

  @Test
  void whatOneRunRecordsTheNextRunFindsAndTheLastLineForAFileWins() {
    try (UploadManifest first = UploadManifest.open(state, "http://h:8080/v2.2", "company-1")) {
      first.record(new Entry("aaa", "a.pdf", "job-1", State.PENDING));
      first.record(new Entry("aaa", "a.pdf", "job-1", State.PARSED));
      first.record(new Entry("bbb", "b.pdf", "job-2", State.FAILED));
    }
    try (UploadManifest second = UploadManifest.open(state, "http://h:8080/v2.2", "company-1")) {
      assertThat(second.find("aaa")).contains(new Entry("aaa", "a.pdf", "job-1", State.PARSED));
      assertThat(second.find("bbb").orElseThrow().state().sendAgain()).isTrue();
      assertThat(second.find("ccc")).isEmpty();
    }
  }

  @Test
  void eachCompanyAndServerHasItsOwnManifestButTheVersionPrefixDoesNotMatter() {
    try (UploadManifest m = UploadManifest.open(state, "http://h:8080/v2.2/", "company-1")) {
      m.record(new Entry("aaa", "a.pdf", "job-1", State.PARSED));
    }
    assertThat(UploadManifest.open(state, "http://h:8080/v2", "company-1").find("aaa")).isPresent();
    assertThat(UploadManifest.open(state, "http://h:8080/v2.2", "company-2").find("aaa")).isEmpty();
    assertThat(UploadManifest.open(state, "http://other:8080/v2.2", "company-1").find("aaa")).isEmpty();
  }

  @Test
  void onlyFailedFilesAreSentAgain() {
    assertThat(State.values()).filteredOn(State::sendAgain).containsExactly(State.FAILED);
  }

  @Test
  void aLineCutShortByACrashIsIgnoredAndTheRestIsKept() throws Exception {
    Path file;
    try (UploadManifest m = UploadManifest.open(state, "http://h", "c")) {
      m.record(new Entry("aaa", "a.pdf", "job-1", State.DUPLICATE));
      file = m.file();
    }
    Files.writeString(file, "{\"sha256\":\"bbb\",\"na", java.nio.file.StandardOpenOption.APPEND);
    try (UploadManifest m = UploadManifest.open(state, "http://h", "c")) {
      assertThat(m.find("aaa")).isPresent();
      assertThat(m.find("bbb")).isEmpty();
    }
  }
}
