package fr.atelier51.base.service;

/** The caller may see the thing but not do this to it (e.g. a coach trying to invite a co-holder). */
public class ForbiddenException extends BusinessException {

    public ForbiddenException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
