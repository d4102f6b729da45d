package io.nectar.cli;

import io.nectar.client.model.ConnectionFilter;
import io.nectar.client.model.DataFilter;
import io.nectar.client.model.IntervalFilter;
import java.util.UUID;

/**
 * What {@code list} was asked for: the scope and its id (null for lists without one) and the filter of
 * the resource's kind (null for the others).
 */
record ListQuery(Resource.Scope scope, UUID id, DataFilter dataFilter, ConnectionFilter connectionFilter,
    IntervalFilter intervalFilter) {}
