package fr.atlas.tenancy.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.atlas.platform.mail.OutboxMailTransport;
import fr.atlas.platform.mail.OutboxMailTransport.StoredMail;

import org.springframework.beans.factory.annotation.Value;
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

	private final String baseUrl;

	OutboxController(OutboxMailTransport outbox, @Value("${atlas.base-url}") String baseUrl) {
		this.outbox = outbox;
		this.baseUrl = baseUrl;
	}

	@GetMapping("/outbox")
	String outbox(Model model) {
		model.addAttribute("mails", this.outbox.latest(50).stream().map((mail) -> view(mail, this.baseUrl)).toList());
		model.addAttribute("zone", MemberController.PARIS);
		return "tenancy/outbox";
	}

	/**
	 * The mail with Atlas's own links made clickable, and only those: an address in a
	 * name a user typed stays text (ADR 0075).
	 */
	static MailView view(StoredMail mail, String baseUrl) {
		List<Part> parts = new ArrayList<>();
		Matcher matcher = LINK.matcher(mail.body());
		int last = 0;
		while (matcher.find()) {
			parts.add(new Part(mail.body().substring(last, matcher.start()), false));
			parts.add(new Part(matcher.group(), matcher.group().startsWith(baseUrl + "/")));
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
