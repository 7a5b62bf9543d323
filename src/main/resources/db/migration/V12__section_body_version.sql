-- The sync engine no longer rewrites a section's whole text on every commit (a large CLOB each time, 3 to 6 times
-- the cost of the change row): the body is written every 50 versions and when the section leaves memory, and
-- body_version says which version it holds. The change rows after it rebuild the current text.
alter table letter_section add column body_version bigint not null default 0;
update letter_section set body_version = version;
