package fr.atelier51.base.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;
import org.springframework.stereotype.Component;

/**
 * Page-wide settings. Lumo must be loaded explicitly in Vaadin 25 or pages are unstyled. Push carries live
 * co-editing (the workspace pokes open editors when someone else changed the text).
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
@Meta(name = "description", content = "Atelier 51 — incubation des projets Article 51")
public class AppShell implements AppShellConfigurator {
}
