package org.wholecare.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Paragraph;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wholecare.shared.ValidationException;

/**
 * Shows a service's refusal next to the fields it is about, moves focus to the first one, and
 * keeps a form-level message for the rest (announced to screen readers).
 */
public final class FormErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Paragraph formMessage = new Paragraph();

    public FormErrors() {
        formMessage.addClassName("form-error");
        formMessage.getElement().setAttribute("role", "alert");
        formMessage.setVisible(false);
    }

    public FormErrors field(String name, HasValidation field) {
        fields.put(name, field);
        return this;
    }

    /** Place this where form-wide messages should appear. */
    public Paragraph formMessage() {
        return formMessage;
    }

    public void clear() {
        fields.values().forEach(f -> f.setInvalid(false));
        formMessage.setText("");
        formMessage.setVisible(false);
    }

    public void show(ValidationException e) {
        clear();
        boolean focused = false;
        StringBuilder rest = new StringBuilder();
        for (var error : e.fieldErrors().entrySet()) {
            HasValidation field = fields.get(error.getKey());
            if (field == null || (field instanceof Component c && !c.isVisible())) {
                rest.append(error.getValue()).append(' ');
                continue;
            }
            field.setErrorMessage(error.getValue());
            field.setInvalid(true);
            if (!focused && field instanceof Focusable<?> focusable) {
                focusable.focus();
                focused = true;
            }
        }
        if (!rest.isEmpty()) {
            formMessage.setText(rest.toString().strip());
            formMessage.setVisible(true);
        } else if (e.fieldErrors().size() > 0) {
            formMessage.setText("Some details need changing. Nothing has been saved yet.");
            formMessage.setVisible(true);
        }
    }
}
