package com.instainstru.notification.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.instainstru.notification.infra.NotificationConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A due message as an email: subject, HTML and plain-text bodies from the Qute templates {@code mail/<kind>.html}
 * and {@code .txt} (reminders share {@code mail/reminder}), times in the recipient's time zone (an instructor's is
 * the lesson's; a student's, and an account email's, the user's own from user-events, else the configured default), and for a booking's confirmation, reschedule or cancellation
 * the lesson as an {@code .ics} request or cancellation.
 */
@ApplicationScoped
public class Messages {

    /** The headers a message carries, so that a mailbox (and the tests) can tell what it is. */
    public static final String NOTIFICATION_HEADER = "X-InstaInstru-Notification";
    public static final String KIND_HEADER = "X-InstaInstru-Kind";
    public static final String BOOKING_HEADER = "X-InstaInstru-Booking";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE, MMMM d 'at' h:mm a zzz", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);
    private static final String ORGANIZER = "no-reply@instainstru.com";

    @Inject
    Engine templates;

    @Inject
    NotificationConfig config;

    @Inject
    Clock clock;

    /** The message; a reminder's ends with its unsubscribe link ({@code unsubscribeToken}, null for other kinds). */
    public Mail compose(Due due, String unsubscribeToken) {
        if (due.account()) {
            return account(due);
        }
        JsonNode d = due.data();
        boolean student = due.role().equals("student");
        ZoneId zone = student ? ownZone(due) : ZoneId.of(d.path("timeZone").asText(config.defaultTimeZone()));
        Instant start = Instant.parse(d.path("startTime").asText());
        Instant end = Instant.parse(d.path("endTime").asText());
        String service = d.path("serviceName").asText("Lesson");
        String other = due.otherName() != null ? due.otherName() : student ? "your instructor" : "your student";
        String when = WHEN.format(start.atZone(zone));

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", due.name());
        model.put("student", student);
        model.put("other", other);
        model.put("service", service);
        model.put("when", when);
        model.put("until", TIME.format(end.atZone(zone)));
        model.put("minutes", d.path("durationMinutes").asInt());
        model.put("place", place(d.path("locationType").asText("")));
        model.put("lessonsUrl", config.baseUrl() + (student ? "/lessons" : "/teach/lessons"));
        model.put("preferencesUrl", config.baseUrl() + "/account#notifications");
        String unsubscribeUrl = unsubscribeToken == null ? null : config.baseUrl() + "/unsubscribe?token=" + unsubscribeToken;
        model.put("unsubscribeUrl", unsubscribeUrl);
        String template = due.reminder() ? "reminder" : due.kind();
        String subject;
        String ics = null;
        String summary = service + " lesson with " + other;
        switch (due.kind()) {
            case "booking-confirmed" -> {
                subject = (student ? "Booked: " : "New booking: ") + summary + ", " + when;
                ics = ics(due, false, start, end, summary);
            }
            case "booking-rescheduled" -> {
                String previous = WHEN.format(Instant.parse(d.path("previousStartTime").asText()).atZone(zone));
                model.put("previous", previous);
                subject = "Moved: " + summary + " is now " + when;
                ics = ics(due, false, start, end, summary);
            }
            case "booking-cancelled" -> {
                String by = d.path("cancelledBy").asText();
                boolean late = d.path("late").asBoolean();
                model.put("cancelledBy", by.equals(due.role()) ? "you" : by.equals("admin") ? "InstaInstru" : other);
                model.put("late", late);
                model.put("reason", d.path("reason").isTextual() ? d.path("reason").asText() : null);
                subject = "Cancelled" + (late ? " late" : "") + ": " + summary + ", " + when;
                ics = ics(due, true, start, end, summary);
            }
            default -> {
                long lead = d.path("leadMinutes").asLong();
                String in = lead % 60 == 0 ? (lead / 60) + (lead == 60 ? " hour" : " hours") : lead + " minutes";
                model.put("lead", in);
                subject = "Reminder: " + summary + " in " + in + ", " + when;
            }
        }
        Mail mail = Mail.withHtml(due.email(), subject, render("mail/" + template + ".html", model))
                .setText(render("mail/" + template + ".txt", model))
                .addHeader(NOTIFICATION_HEADER, due.id().toString())
                .addHeader(KIND_HEADER, due.kind())
                .addHeader(BOOKING_HEADER, due.subjectId().toString());
        if (unsubscribeUrl != null) {
            mail.addHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
        }
        if (ics != null) {
            String method = due.kind().equals("booking-cancelled") ? "CANCEL" : "REQUEST";
            mail.addAttachment("lesson.ics", ics.getBytes(StandardCharsets.UTF_8),
                    "text/calendar; charset=UTF-8; method=" + method);
        }
        return mail;
    }

    /**
     * An account message: the address verification, the password reset, or "you already have an account" (after a
     * sign-up with a registered address, with a password reset link), each with its link and when it expires.
     */
    private Mail account(Due due) {
        JsonNode d = due.data();
        String token = d.path("token").asText();
        Instant expires = Instant.parse(d.path("expiresAt").asText());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", due.name());
        model.put("email", due.email());
        model.put("expires", WHEN.format(expires.atZone(ownZone(due))));
        model.put("loginUrl", config.baseUrl() + "/login");
        String subject = switch (due.kind()) {
            case "email-verification" -> {
                model.put("link", config.baseUrl() + "/verify-email?token=" + token);
                yield "Confirm your email address for InstaInstru";
            }
            case "password-reset" -> {
                model.put("link", config.baseUrl() + "/reset-password?token=" + token);
                yield "Reset your InstaInstru password";
            }
            case "account-exists" -> {
                model.put("link", config.baseUrl() + "/reset-password?token=" + token);
                yield "You already have an InstaInstru account";
            }
            default -> throw new IllegalStateException("no account message of kind " + due.kind());
        };
        return Mail.withHtml(due.email(), subject, render("mail/" + due.kind() + ".html", model))
                .setText(render("mail/" + due.kind() + ".txt", model))
                .addHeader(NOTIFICATION_HEADER, due.id().toString())
                .addHeader(KIND_HEADER, due.kind());
    }

    /** The recipient's own time zone (user-events), or the configured default when they have none. */
    private ZoneId ownZone(Due due) {
        return ZoneId.of(due.timeZone() != null ? due.timeZone() : config.defaultTimeZone());
    }

    private String ics(Due due, boolean cancel, Instant start, Instant end, String summary) {
        JsonNode d = due.data();
        return Ics.event(d.path("calendarUid").asText(), d.path("sequence").asInt(), cancel, start, end, summary,
                d.path("durationMinutes").asInt() + " minutes. " + config.baseUrl() + "/lessons", ORGANIZER, due.email(),
                clock.instant());
    }

    private String render(String template, Map<String, Object> model) {
        TemplateInstance instance = templates.getTemplate(template).instance();
        model.forEach(instance::data);
        return instance.render();
    }

    private static String place(String locationType) {
        return switch (locationType) {
            case "online" -> "online";
            case "studio" -> "at the instructor's studio";
            case "student_home" -> "at the student's home";
            default -> "as agreed";
        };
    }
}
