package io.nectar.usage;

import io.nectar.documents.Document;
import io.nectar.meters.Meter;
import io.nectar.sites.Site;

/** A usage row with what its object embeds: the meter's fields, the site and the document. */
public record UsageDetails(UsageData usage, Meter meter, Site site, Document document) {}
