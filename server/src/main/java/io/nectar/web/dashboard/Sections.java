package io.nectar.web.dashboard;

import java.util.List;

/** The dashboard's navigation: each section's key (the layout's {@code section}), label and address. */
public final class Sections {
  /** One entry of the navigation; {@code adminOnly} entries are hidden from members. */
  public record Item(String key, String label, String path, Access access) {}

  /** Who sees an entry. */
  public enum Access { EVERYONE, ADMINS }

  public static final List<Item> ALL = List.of(
      new Item("overview", "Overview", "/dashboard", Access.EVERYONE),
      new Item("companies", "Companies", "/dashboard/companies", Access.EVERYONE),
      new Item("documents", "Documents", "/dashboard/documents", Access.EVERYONE),
      new Item("usage", "Usage", "/dashboard/usage", Access.EVERYONE),
      new Item("uploads", "Uploads", "/dashboard/uploads", Access.EVERYONE),
      new Item("invitations", "Invitations", "/dashboard/invitations", Access.EVERYONE),
      new Item("webhooks", "Webhooks", "/dashboard/webhooks", Access.EVERYONE),
      new Item("settings", "Settings", "/dashboard/settings", Access.ADMINS));

  private Sections() {}

  /** The entries {@code who} sees. */
  public static List<Item> of(SignedIn who) {
    return ALL.stream().filter(i -> i.access() == Access.EVERYONE || who.isAdmin()).toList();
  }
}
