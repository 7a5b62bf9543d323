-- Uploaded documents are extracted and indexed in the background (issue 3): each has a state shown to the
-- uploader and on the admin page. A replacement waits in pending_* until its extraction succeeds, so the
-- current version stays searchable meanwhile (and if the new file is refused).
alter table knowledge_upload add column status varchar(20) default 'INDEXED' not null;
alter table knowledge_upload add column failure_key varchar(100);
alter table knowledge_upload add column failure_arg varchar(300);
alter table knowledge_upload add column pending_stored_name varchar(120);
alter table knowledge_upload add column pending_file_name varchar(300);
alter table knowledge_upload add column pending_by_id bigint references account (id);
