package fr.atelier51.account.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import fr.atelier51.base.service.Messages;

import java.util.Locale;

/** Language choice for pages shown before sign-in: kept in the session, then remembered on the account. */
class LanguageSwitch extends Select<Locale> {

    LanguageSwitch() {
        setItems(Messages.FRENCH, Messages.ENGLISH);
        setItemLabelGenerator(l -> l.getLanguage().equals("en") ? "English" : "Français");
        setValue(Messages.supported(UI.getCurrent().getLocale()));
        setAriaLabel(getTranslation("header.language"));
        addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                UI ui = UI.getCurrent();
                ui.getSession().setLocale(e.getValue());
                ui.setLocale(e.getValue());
                ui.getPage().reload();
            }
        });
    }
}
