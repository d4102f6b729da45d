package io.nectar.storage;

import io.nectar.config.BlobSettings;
import java.net.URI;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What went wrong with the S3 store, as the one line an operator reads: it starts with the setting to
 * look at (the bucket in {@code NECTAR_BLOB_URL}, the credentials, the endpoint, the region) and never
 * quotes a secret.
 */
final class S3Failures {
  private final BlobSettings.S3 settings;

  S3Failures(BlobSettings.S3 settings) {
    this.settings = settings;
  }

  /** Neither the settings nor the SDK's default chain gave credentials. */
  BlobStoreUnavailable noCredentials(SdkException e) {
    return new BlobStoreUnavailable(BlobSettings.ACCESS_KEY_SETTING, "no AWS credentials were found for bucket '"
        + settings.bucket() + "': set " + BlobSettings.ACCESS_KEY_SETTING + " and " + BlobSettings.SECRET_KEY_SETTING
        + ", or give the server an AWS profile or role (" + oneLine(e) + ")", e);
  }

  /** A status from the store, as one line naming the setting an operator should look at. */
  BlobStoreUnavailable refusal(S3Exception e) {
    int status = e.statusCode();
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    if (status == 404 || "NoSuchBucket".equals(code)) {
      return new BlobStoreUnavailable(BlobSettings.URL_SETTING, "bucket '" + settings.bucket()
          + "' does not exist" + settings.endpoint().map(u -> " at " + u).orElse(""), e);
    }
    if (status == 403 || status == 401 || "InvalidAccessKeyId".equals(code) || "SignatureDoesNotMatch".equals(code)) {
      String setting = settings.credentials().isPresent() ? BlobSettings.SECRET_KEY_SETTING
          : "AWS credentials (" + BlobSettings.ACCESS_KEY_SETTING + "/" + BlobSettings.SECRET_KEY_SETTING + ")";
      return new BlobStoreUnavailable(setting, "the store refused the credentials for bucket '" + settings.bucket()
          + "' (" + status + (code == null ? "" : " " + code) + "); check "
          + BlobSettings.ACCESS_KEY_SETTING + " and " + BlobSettings.SECRET_KEY_SETTING
          + " and that they may read and write the bucket", e);
    }
    if (status == 301 || "PermanentRedirect".equals(code) || "AuthorizationHeaderMalformed".equals(code)) {
      return new BlobStoreUnavailable(BlobSettings.REGION_SETTING, "bucket '" + settings.bucket()
          + "' is in another region than " + settings.region().orElse("the one set"), e);
    }
    return new BlobStoreUnavailable(BlobSettings.URL_SETTING, "the store at " + settings + " answered "
        + status + (code == null ? "" : " " + code), e);
  }

  /** No connection, or no answer in time: the endpoint (or, on AWS, the bucket's address) is named. */
  BlobStoreUnavailable unreachable(SdkClientException e) {
    String setting = settings.endpoint().isPresent() ? BlobSettings.ENDPOINT_S3_SETTING : BlobSettings.URL_SETTING;
    return new BlobStoreUnavailable(setting, "could not reach the store at "
        + settings.endpoint().map(URI::toString).orElse(settings.url()) + " (" + oneLine(e) + ")", e);
  }

  /** A failure that is neither an answer from the store nor a failed connection. */
  BlobStoreUnavailable other(SdkException e) {
    return new BlobStoreUnavailable(BlobSettings.URL_SETTING, "could not use the bucket at " + settings
        + " (" + oneLine(e) + ")", e);
  }

  /** The first line of a failure's message, for a log or start-up line. */
  static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
