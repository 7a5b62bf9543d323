package fr.atelier51.base.api;

import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.service.ForbiddenException;
import fr.atelier51.base.service.Messages;
import fr.atelier51.base.service.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.Locale;
import java.util.Map;

/** JSON errors for the API: a clear message in the caller's language (French by default), never a stack trace. */
@RestControllerAdvice(basePackages = "fr.atelier51")
public class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);
    private final Messages messages;

    public ApiErrorHandler(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(BusinessException.class)
    ResponseEntity<Map<String, String>> business(BusinessException e, Locale locale) {
        HttpStatus status = e instanceof NotFoundException ? HttpStatus.NOT_FOUND
                : e instanceof ForbiddenException ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST;
        return error(status, messages.getTranslation(e.messageKey(), locale, e.args()));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, String>> unreadable(Exception e, Locale locale) {
        return error(HttpStatus.BAD_REQUEST, messages.getTranslation("api.error.bad-request", locale));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, String>> unexpected(Exception e, Locale locale) {
        log.error("API error", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, messages.getTranslation("error.unexpected", locale));
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        // "message" too: the history API documents its errors under that name; "error" stays for existing scripts
        return ResponseEntity.status(status).body(Map.of("error", message, "message", message));
    }
}
