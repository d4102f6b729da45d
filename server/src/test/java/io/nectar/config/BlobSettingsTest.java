package io.nectar.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlobSettingsTest {

  @Test
  void withoutABlobUrlFilesStayInTheDataFolder() {
    Config config = Config.from(Map.of("NECTAR_DATA_DIR", "/srv/nectar"));

    assertThat(config.blobs()).isEqualTo(new BlobSettings.LocalFolder(Optional.empty()));
    assertThat(((BlobSettings.LocalFolder) config.blobs()).resolve(config.dataDir()))
        .isEqualTo(Path.of("/srv/nectar/blobs"));
    assertThat(((BlobSettings.LocalFolder) config.blobs()).setting()).isEqualTo("NECTAR_DATA_DIR");
  }

  @Test
  void aFileUrlNamesAFolderOfItsOwn() {
    BlobSettings settings = BlobSettings.from(Map.of("NECTAR_BLOB_URL", "file:///var/lib/nectar-files/"));

    assertThat(settings).isEqualTo(new BlobSettings.LocalFolder(Optional.of(Path.of("/var/lib/nectar-files"))));
    assertThat(((BlobSettings.LocalFolder) settings).setting()).isEqualTo("NECTAR_BLOB_URL");
  }

  @Test
  void anS3UrlWithTheSdksSettings() {
    BlobSettings settings = BlobSettings.from(Map.of(
        "NECTAR_BLOB_URL", "s3://acme-bills/nectar/prod/",
        "AWS_REGION", "eu-west-1",
        "AWS_ENDPOINT_URL_S3", "https://s3.example.com",
        "AWS_ENDPOINT_URL", "https://ignored.example.com",
        "AWS_ACCESS_KEY_ID", "AKIAEXAMPLE",
        "AWS_SECRET_ACCESS_KEY", "very-secret",
        "NECTAR_S3_PATH_STYLE", "true"));

    assertThat(settings).isEqualTo(new BlobSettings.S3("acme-bills", "nectar/prod/", BlobSettings.PathStyle.PATH,
        Optional.of("eu-west-1"), Optional.of(URI.create("https://s3.example.com")),
        Optional.of(new BlobSettings.StaticCredentials("AKIAEXAMPLE", "very-secret", Optional.empty()))));
    assertThat(((BlobSettings.S3) settings).url()).isEqualTo("s3://acme-bills/nectar/prod");
    assertThat(settings.toString()).doesNotContain("very-secret");
    assertThat(((BlobSettings.S3) settings).credentials().orElseThrow().toString()).doesNotContain("very-secret");
  }

  @Test
  void aBareBucketOnAwsLeavesRegionAndCredentialsToTheSdk() {
    BlobSettings settings = BlobSettings.from(Map.of("NECTAR_BLOB_URL", "s3://acme-bills"));

    assertThat(settings).isEqualTo(new BlobSettings.S3("acme-bills", "", BlobSettings.PathStyle.VIRTUAL_HOST,
        Optional.empty(), Optional.empty(), Optional.empty()));
  }

  @Test
  void theGeneralEndpointServesWhenThereIsNoS3OneAndASessionTokenIsKept() {
    BlobSettings.S3 settings = (BlobSettings.S3) BlobSettings.from(Map.of(
        "NECTAR_BLOB_URL", "s3://b12",
        "AWS_ENDPOINT_URL", "http://minio.internal:9000",
        "AWS_ACCESS_KEY_ID", "id", "AWS_SECRET_ACCESS_KEY", "secret", "AWS_SESSION_TOKEN", "token"));

    assertThat(settings.endpoint()).contains(URI.create("http://minio.internal:9000"));
    assertThat(settings.credentials().orElseThrow().sessionToken()).contains("token");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://bucket", "bucket/prefix", "s3://", "s3://a", "s3://bad bucket/x", "s3://b12/../up",
      "s3://b12/a//b", "s3://b12/sp ace", "file://host/path", "file:relative/path"})
  void aBlobUrlThatIsNotAStoreStopsTheStartNamingIt(String url) {
    assertThatThrownBy(() -> BlobSettings.from(Map.of("NECTAR_BLOB_URL", url)))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("NECTAR_BLOB_URL: ");
  }

  @Test
  void anAccessKeyWithoutItsSecretIsRefusedNamingTheMissingOne() {
    Map<String, String> settings = new HashMap<>(Map.of("NECTAR_BLOB_URL", "s3://b12", "AWS_ACCESS_KEY_ID", "id"));
    assertThatThrownBy(() -> BlobSettings.from(settings)).hasMessageStartingWith("AWS_SECRET_ACCESS_KEY: ");

    settings.remove("AWS_ACCESS_KEY_ID");
    settings.put("AWS_SECRET_ACCESS_KEY", "secret");
    assertThatThrownBy(() -> BlobSettings.from(settings)).hasMessageStartingWith("AWS_ACCESS_KEY_ID: ")
        .hasMessageNotContaining("secret'");
  }

  @Test
  void badS3SettingsAreNamed() {
    assertThatThrownBy(() -> BlobSettings.from(Map.of("NECTAR_BLOB_URL", "s3://b12", "NECTAR_S3_PATH_STYLE", "maybe")))
        .hasMessageStartingWith("NECTAR_S3_PATH_STYLE: ");
    assertThatThrownBy(() -> BlobSettings.from(Map.of("NECTAR_BLOB_URL", "s3://b12", "AWS_ENDPOINT_URL_S3", "s3.example.com")))
        .hasMessageStartingWith("AWS_ENDPOINT_URL_S3: ");
    assertThatThrownBy(() -> BlobSettings.from(Map.of("NECTAR_BLOB_URL", "s3://b12", "AWS_REGION", "EU West")))
        .hasMessageStartingWith("AWS_REGION: ");
  }

  @Test
  void s3SettingsAreIgnoredForTheFolderStore() {
    assertThat(BlobSettings.from(Map.of("NECTAR_S3_PATH_STYLE", "maybe", "AWS_ACCESS_KEY_ID", "id")))
        .isInstanceOf(BlobSettings.LocalFolder.class);
  }
}
