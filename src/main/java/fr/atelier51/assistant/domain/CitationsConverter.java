package fr.atelier51.assistant.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.core.type.TypeReference;

import java.util.List;

@Converter
public class CitationsConverter implements AttributeConverter<List<Citation>, String> {

    @Override
    public String convertToDatabaseColumn(List<Citation> citations) {
        return ProjectRecordConverter.JSON.writeValueAsString(citations == null ? List.of() : citations);
    }

    @Override
    public List<Citation> convertToEntityAttribute(String json) {
        return json == null || json.isBlank() ? List.of()
                : ProjectRecordConverter.JSON.readValue(json, new TypeReference<List<Citation>>() { });
    }
}
