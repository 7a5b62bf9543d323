package fr.atelier51.assistant.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON storage of {@link ProjectRecord}. Unknown properties are ignored so that older documents stay readable. */
@Converter
public class ProjectRecordConverter implements AttributeConverter<ProjectRecord, String> {

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Override
    public String convertToDatabaseColumn(ProjectRecord record) {
        return JSON.writeValueAsString(record == null ? new ProjectRecord() : record);
    }

    @Override
    public ProjectRecord convertToEntityAttribute(String json) {
        return json == null || json.isBlank() ? new ProjectRecord() : JSON.readValue(json, ProjectRecord.class);
    }

    /** A deep copy through JSON: the engine works on a copy, so a failed turn leaves the stored record untouched. */
    public static ProjectRecord copy(ProjectRecord record) {
        return JSON.readValue(JSON.writeValueAsString(record), ProjectRecord.class);
    }
}
