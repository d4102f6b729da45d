/**
 * The dashboard's data browser (issue 14): companies, sites, connections, accounts and meters,
 * documents, usage, charts, uploads, invitations and webhooks, on the API's own services with the
 * signed-in person's caller. Aggregates come from {@link io.nectar.insights.InsightService}.
 *
 * <p>Wired by {@code NectarServer} after the dashboard core's routes.
 */
package io.nectar.web.dashboard.data;
