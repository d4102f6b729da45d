package io.nectar.usage;

import com.fasterxml.jackson.core.JsonGenerator;
import io.nectar.documents.Document;
import io.nectar.documents.DocumentUsage;
import io.nectar.http.ApiVersion;
import io.nectar.http.JsonFragments;
import io.nectar.meters.Meter;
import io.nectar.sites.Site;
import java.io.IOException;
import java.util.UUID;

/** A usage row with what its object embeds: the meter's fields, the site and the document. */
public record UsageDetails(UsageData usage, Meter meter, Site site, Document document) implements DocumentUsage.Row {
  @Override
  public UUID id() {
    return usage.id();
  }

  @Override
  public UUID meterId() {
    return usage.meterId();
  }

  @Override
  public void write(JsonGenerator g, ApiVersion version, JsonFragments shared) throws IOException {
    UsageView.writeWithinDocument(g, this, version, shared);
  }
}
