package fr.atelier51.base.service;

/**
 * A rule refused the request. Carries an i18n key (and its arguments) so that every channel —
 * view, API — can tell the user in their language what to change. Nothing was saved.
 */
public class BusinessException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public BusinessException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
