package io.nectar.cli;

import io.nectar.client.model.ConnectionFilter;
import io.nectar.client.model.DataFilter;
import io.nectar.client.model.IntervalFilter;
import java.util.UUID;

/** What {@code list} was asked for: the scope (at most one of company, site, connection, endpoint) and the filters. */
record ListQuery(UUID company, UUID site, UUID connection, UUID endpoint, DataFilter documentFilter,
    DataFilter usageFilter, ConnectionFilter connectionFilter, IntervalFilter intervalFilter) {}
