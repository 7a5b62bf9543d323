-- Status workflow (issue 6): filing and outcome facts on the project, and a free note on timeline events.
alter table project add column filed_on date;
alter table project add column filed_destination varchar(300);
alter table project add column outcome_on date;
alter table project add column outcome_note varchar(2000);
alter table project_event add column note varchar(2000);
