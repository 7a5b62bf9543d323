package fr.atelier51.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import fr.atelier51.base.service.HeaderNotice;
import fr.atelier51.base.service.UserPreferences;
import jakarta.annotation.security.PermitAll;

import java.util.ArrayList;
import java.util.List;

/**
 * The app shell: header (name, language, sign-out) and a side navigation built from the views' {@code @Menu}
 * entries, which Vaadin already filters by the signed-in user's access. Menu titles are i18n keys.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final List<HeaderBell> bells = new ArrayList<>();

    public MainLayout(AuthenticationContext authentication, UserPreferences preferences, List<HeaderNotice> notices) {
        setPrimarySection(Section.DRAWER);

        Span brand = new Span(getTranslation("app.name"));
        brand.addClassName("app-brand");

        LanguageSwitch language = new LanguageSwitch(preferences::rememberLanguage);

        Span user = new Span(preferences.currentDisplayName().orElse(""));
        user.addClassName("current-user");
        Button logout = new Button(getTranslation("header.logout"), new Icon("vaadin", "sign-out"), e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), brand, new Span());
        for (HeaderNotice notice : notices) {
            HeaderBell bell = new HeaderBell(notice);
            bells.add(bell);
            header.add(bell);
        }
        header.add(user, language, logout);
        header.setWidthFull();
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(header.getComponentAt(2));
        header.addClassName("app-header");
        addToNavbar(header);

        SideNav nav = new SideNav();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        nav.addClassName("app-nav");
        addToDrawer(nav);
    }

    /** The layout outlives navigation: counts are re-read on each one, besides the live notices. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        bells.forEach(HeaderBell::refresh);
    }
}
