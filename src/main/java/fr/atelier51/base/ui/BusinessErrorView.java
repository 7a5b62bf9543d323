package fr.atelier51.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.service.ForbiddenException;
import fr.atelier51.base.service.NotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** A view's service refused while the page was opening (e.g. someone else's project): say so plainly. */
@PermitAll
@ParentLayout(MainLayout.class)
public class BusinessErrorView extends VerticalLayout implements HasErrorParameter<BusinessException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<BusinessException> parameter) {
        removeAll();
        setId("business-error");
        BusinessException e = parameter.getException();
        boolean notFound = e instanceof NotFoundException;
        add(new H2(getTranslation(notFound ? "error.not-found-title" : "error.refused-title")),
                new Paragraph(getTranslation(e.messageKey(), e.args())),
                new Anchor("", getTranslation("error.back-home")));
        return notFound ? HttpServletResponse.SC_NOT_FOUND
                : e instanceof ForbiddenException ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_BAD_REQUEST;
    }
}
