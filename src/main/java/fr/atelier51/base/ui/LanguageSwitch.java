package fr.atelier51.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import fr.atelier51.base.service.Messages;

import java.util.Locale;
import java.util.function.Consumer;

/** French / English choice; the page reloads in the chosen language. */
public class LanguageSwitch extends Select<Locale> {

    /** @param onChosen extra step when the user picks a language (e.g. remember it on the account) */
    public LanguageSwitch(Consumer<Locale> onChosen) {
        setItems(Messages.FRENCH, Messages.ENGLISH);
        setItemLabelGenerator(l -> l.getLanguage().equals("en") ? "English" : "Français");
        setValue(Messages.supported(UI.getCurrent().getLocale()));
        setAriaLabel(getTranslation("header.language"));
        addClassName("language-select");
        setId("language-switch");
        addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                onChosen.accept(e.getValue());
                UI ui = UI.getCurrent();
                UiSetup.chooseLanguage(ui, e.getValue());
                ui.getPage().reload();
            }
        });
    }
}
