package fr.atelier51.base.service;

/** The thing does not exist, or the caller may not know it exists: both answer the same, so ids cannot be probed. */
public class NotFoundException extends BusinessException {

    public NotFoundException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
