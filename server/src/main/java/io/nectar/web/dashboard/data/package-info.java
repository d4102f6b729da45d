/**
 * The dashboard's data browser (issue 14): companies, sites, connections, accounts and meters,
 * documents, usage, charts, uploads, invitations and webhooks, on the API's own services with the
 * signed-in person's caller. Aggregates come from {@link io.nectar.insights.InsightService}.
 *
 * <p>Wiring (the app's, in {@code NectarServer}'s public routes, after the dashboard core's routes):
 * <pre>{@code
 * new DataDashboardRoutes(DataServices.builder()
 *     .companies(services.companies()).sites(services.sites()).connections(services.connections())
 *     .accounts(services.accounts()).meters(services.meters()).documents(services.documents())
 *     .documentLinks(services.documentLinks()).usage(services.usage()).jobs(services.uploads())
 *     .invitations(services.invitations()).webhooks(webhooks.service())
 *     .insights(new InsightService(database.jdbi(), clock, services.companies(), services.sites(),
 *         services.meters(), new ListCache()))
 *     .build(), gate, page).register(routes);
 * }</pre>
 */
package io.nectar.web.dashboard.data;
