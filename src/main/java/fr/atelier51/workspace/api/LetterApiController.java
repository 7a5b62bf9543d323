package fr.atelier51.workspace.api;

import fr.atelier51.base.service.NotFoundException;
import fr.atelier51.workspace.domain.ChangeKind;
import fr.atelier51.workspace.domain.SectionKey;
import fr.atelier51.workspace.service.LetterService;
import fr.atelier51.workspace.service.LiveSection;
import fr.atelier51.workspace.service.SectionState;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The letter for scripts: read all sections; write one from the version you started at (three-way merge). */
@RestController
@RequestMapping("/api/projects/{id}/letter")
public class LetterApiController {

    private final LetterService letters;

    public LetterApiController(LetterService letters) {
        this.letters = letters;
    }

    public record SectionJson(String key, String text, long version) {
        static SectionJson of(SectionState s) {
            return new SectionJson(s.key().key(), s.text(), s.version());
        }
    }

    public record LetterJson(long projectId, List<SectionJson> sections) {
    }

    public record WriteRequest(Long baseVersion, String text) {
    }

    @GetMapping
    public LetterJson get(@PathVariable long id) {
        return new LetterJson(id, letters.letter(id).stream().map(SectionJson::of).toList());
    }

    @PutMapping("/sections/{key}")
    public SectionJson put(@PathVariable long id, @PathVariable String key, @RequestBody WriteRequest request) {
        letters.permissions(id); // a project the caller may not see: 404 before anything else
        SectionKey section = SectionKey.parse(key).orElseThrow(() -> new NotFoundException("workspace.error.section-not-found"));
        LiveSection.Merge merge = letters.write(id, section, request.baseVersion() == null ? -1 : request.baseVersion(),
                request.text(), ChangeKind.API);
        return new SectionJson(section.key(), merge.text(), merge.version());
    }
}
