package org.wholecare.marketplace.ui;

import org.wholecare.marketplace.ProviderProfile;
import org.wholecare.marketplace.Review;
import org.wholecare.marketplace.ReviewService;

import org.wholecare.shared.UkTime;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.Objects;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.FormErrors;

/**
 * A provider's reviews as a list: stars in words, what was said, the provider's reply; a report
 * button for everyone else, and a reply box for the provider's own staff. Everything is text.
 */
final class ReviewList {


    private ReviewList() {
    }

    static Component of(ReviewService reviews, ProviderProfile provider, SignedInUser viewer, Runnable changed) {
        UnorderedList list = new UnorderedList();
        list.addClassName("review-list");
        List<Review> all = reviews.reviews(provider.organisationId());
        boolean ownStaff = Objects.equals(viewer.organisationId(), provider.organisationId());
        java.util.Set<Long> writtenByViewer = reviews.writtenByMe(provider.organisationId());
        for (Review r : all) {
            ListItem item = new ListItem();
            item.addClassName("review");
            Paragraph stars = new Paragraph(r.stars() + " out of 5 stars");
            stars.addClassName("review-stars");
            Span date = new Span(" · " + UkTime.day(r.createdAt()));
            date.addClassName("review-date");
            stars.add(date);
            item.add(stars, new Paragraph(r.wording()));
            if (r.providerReply() != null) {
                Paragraph reply = new Paragraph("Reply from " + provider.name() + ": " + r.providerReply());
                reply.addClassName("review-reply");
                item.add(reply);
            }
            if (ownStaff) {
                item.add(replyForm(reviews, r, changed));
            } else if (writtenByViewer.contains(r.id())) {
                Paragraph yours = new Paragraph("This is your review.");
                yours.addClassName("review-yours");
                item.add(yours);
            } else if (r.reported()) {
                item.add(new Paragraph("Reported. A commissioner will look at this review."));
            } else {
                Button report = new Button("Report this review", click -> {
                    try {
                        reviews.report(r.id());
                        Notification.show("Thank you. A commissioner will look at this review.", 5000,
                                Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                        changed.run();
                    } catch (ValidationException e) {
                        Notification.show(e.getMessage(), 8000, Notification.Position.TOP_CENTER)
                                .addThemeVariants(NotificationVariant.LUMO_ERROR);
                    }
                });
                report.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                report.setAriaLabel("Report the review from " + UkTime.day(r.createdAt()) + " to a commissioner");
                item.add(report);
            }
            list.add(item);
        }
        if (all.isEmpty()) {
            list.add(new ListItem("No reviews yet."));
        }
        return list;
    }

    private static Component replyForm(ReviewService reviews, Review r, Runnable changed) {
        TextArea reply = new TextArea(r.providerReply() == null ? "Your reply" : "Change your reply");
        reply.setHelperText("Everyone who can see this review will see your reply.");
        reply.setWidthFull();
        FormErrors errors = new FormErrors().field("reply", reply);
        Button send = new Button(r.providerReply() == null ? "Reply" : "Change reply", click -> {
            errors.clear();
            try {
                reviews.reply(r.id(), reply.getValue());
                Notification.show("Your reply is published.", 5000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                changed.run();
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        Div form = new Div(reply, errors.formMessage(), send);
        form.addClassName("reply-form");
        return form;
    }
}
