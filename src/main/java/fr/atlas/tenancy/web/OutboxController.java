package fr.atlas.tenancy.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.atlas.platform.mail.OutboxMailTransport;
import fr.atlas.platform.mail.OutboxMailTransport.StoredMail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Demo and test mode only ({@code atlas.mail.transport=outbox}): the latest mails Atlas
 * would have sent, so that reset and invitation links can be followed with no mail
 * server. Public, because whoever uses it is not signed in yet.
 */
@Controller
@ConditionalOnProperty(name = "atlas.mail.transport", havingValue = "outbox")
class OutboxController {

	private static final Pattern LINK = Pattern.compile("https?://\\S+");

	private final OutboxMailTransport outbox;

	OutboxController(OutboxMailTransport outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/outbox")
	String outbox(Model model) {
		model.addAttribute("mails", this.outbox.latest(50).stream().map(OutboxController::view).toList());
		model.addAttribute("zone", MemberController.PARIS);
		return "tenancy/outbox";
	}

	static MailView view(StoredMail mail) {
		List<Part> parts = new ArrayList<>();
		Matcher matcher = LINK.matcher(mail.body());
		int last = 0;
		while (matcher.find()) {
			parts.add(new Part(mail.body().substring(last, matcher.start()), false));
			parts.add(new Part(matcher.group(), true));
			last = matcher.end();
		}
		parts.add(new Part(mail.body().substring(last), false));
		return new MailView(mail, parts);
	}

	record MailView(StoredMail mail, List<Part> parts) {
	}

	/** A piece of a mail's body: plain text, or a link to make clickable. */
	record Part(String text, boolean link) {
	}

}
