package fr.atelier51.assistant.api;

import fr.atelier51.assistant.domain.AssistantMessage;
import fr.atelier51.assistant.domain.Citation;
import fr.atelier51.assistant.domain.ProjectRecord;
import fr.atelier51.assistant.service.AssistantReply;
import fr.atelier51.assistant.service.AssistantService;
import fr.atelier51.assistant.service.InterviewEngine;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** JSON API of the assistant; access rules are the service's. */
@RestController
@RequestMapping("/api/projects/{id}/assistant")
public class AssistantApiController {

    private final AssistantService assistant;

    public AssistantApiController(AssistantService assistant) {
        this.assistant = assistant;
    }

    public record MessageRequest(String text) {
    }

    public record JustificationRequest(String justification) {
    }

    public record ReplyJson(String reply, List<Citation> citations, String step, String nextQuestion, ProjectRecord state) {
        static ReplyJson of(AssistantReply r) {
            return new ReplyJson(r.text(), r.citations(), r.step().name(), InterviewEngine.question(r.step()), r.record());
        }
    }

    public record MessageJson(String author, String authorName, String text, List<Citation> citations, Instant at) {
        static MessageJson of(AssistantMessage m) {
            return new MessageJson(m.getAuthor().name(), m.getAuthorName(), m.getText(), m.getCitations(), m.getCreatedAt());
        }
    }

    @PostMapping("/messages")
    public ReplyJson post(@PathVariable long id, @RequestBody(required = false) MessageRequest request) {
        return ReplyJson.of(assistant.reply(id, request == null ? "" : request.text()));
    }

    @GetMapping("/messages")
    public List<MessageJson> conversation(@PathVariable long id) {
        return assistant.conversation(id).stream().map(MessageJson::of).toList();
    }

    @GetMapping("/state")
    public ProjectRecord state(@PathVariable long id) {
        return assistant.state(id);
    }

    /** Corrects the record by hand: {problem, population, organisation, paymentChange, territories[], durationMonths, evaluationIdeas[]}. */
    @PatchMapping("/state")
    public ProjectRecord correct(@PathVariable long id, @RequestBody InterviewEngine.Correction correction) {
        return assistant.correct(id, correction);
    }

    @PostMapping("/derogations/{code}/confirm")
    public ProjectRecord confirm(@PathVariable long id, @PathVariable String code,
                                 @RequestBody(required = false) JustificationRequest request) {
        return assistant.confirmDerogation(id, code, request == null ? null : request.justification());
    }

    @PostMapping("/derogations/{code}/reject")
    public ProjectRecord reject(@PathVariable long id, @PathVariable String code) {
        return assistant.rejectDerogation(id, code);
    }
}
