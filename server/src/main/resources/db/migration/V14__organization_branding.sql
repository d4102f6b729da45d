-- White-label settings of an organization (issue 12): the name, colour, logo and frame-ancestors
-- the hosted connection pages (/p/) show and send. One row per organization that changed any of
-- them; a null column (or no row) means the default: the organization's name, #1f6feb, no logo, and
-- frame-ancestors *. Values are validated by the server before they get here; the checks below
-- keep what goes into a Content-Security-Policy header safe even from a hand-written UPDATE.
create table organization_branding (
  organization_id  uuid primary key references organization (id) on delete cascade,
  name             text check (char_length(name) between 1 and 100),
  colour           text check (colour ~ '^#[0-9a-f]{6}$'),
  logo_url         text check (char_length(logo_url) <= 2000 and logo_url like 'https://%'),
  frame_ancestors  text[] check (cardinality(frame_ancestors) <= 20
                     and array_to_string(frame_ancestors, '') !~ '[;,[:space:]"]'),
  updated_at       timestamptz not null
);
