package fr.atlas.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import fr.atlas.tenancy.internal.Accounts;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events reach the real RabbitMQ at 127.0.0.1:5672 (guest/guest), which CI machines run;
 * skipped when it is not there. Only this class sets {@code spring.rabbitmq.host}.
 */
@WebIntegrationTest
@TestPropertySource(properties = "spring.rabbitmq.host=127.0.0.1")
// a context of its own, closed after the class so that its connections go back to the
// database
@DirtiesContext
class EventsToRabbitIntegrationTests {

	static final String EXCHANGE = "atlas.events";

	static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	AmqpAdmin admin;

	@Autowired
	Accounts accounts;

	@Autowired
	ApplicationContext context;

	JsonMapper json = JsonMapper.builder().build();

	List<String> queues = new ArrayList<>();

	@Autowired
	ApiClient api;

	@BeforeAll
	static void rabbitMqIsRunning() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", 5672), 500);
		}
		catch (IOException ex) {
			Assumptions.abort("no RabbitMQ at 127.0.0.1:5672 (" + ex.getMessage() + "): events to RabbitMQ not tested");
		}
	}

	@AfterEach
	void deleteQueues() {
		this.queues.forEach(this.admin::deleteQueue);
	}

	@Test
	void aSignupAndACaseReachTheExchangeAfterCommit() {
		String organisations = queue("tenancy.OrganisationCreated");
		String cases = queue("cases.CaseCreated");
		String correlation = "rabbit-" + UUID.randomUUID();
		String email = "rabbit-" + UUID.randomUUID() + "@example.test";
		var signup = this.api.raw()
			.post()
			.uri("/api/v1/signup")
			.header(RequestMetadata.CORRELATION_HEADER, correlation)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("organisation", "Agence du Lapin", "name", "Léa Lapin", "email", email, "password",
					ApiClient.PASSWORD))
			.retrieve()
			.toEntity(Map.class);
		assertThat(signup.getStatusCode().value()).isEqualTo(201);
		String orgId = (String) signup.getBody().get("orgId");

		Message created = receiveFor(organisations, orgId);
		assertThat(created).as("OrganisationCreated on %s", EXCHANGE).isNotNull();
		var properties = created.getMessageProperties();
		assertThat(properties.getReceivedExchange()).isEqualTo(EXCHANGE);
		assertThat(properties.getReceivedRoutingKey()).isEqualTo("tenancy.OrganisationCreated");
		assertThat(properties.getContentType()).isEqualTo("application/json");
		assertThat(properties.getReceivedDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
		assertThat(properties.<String>getHeader("atlas-event-type")).isEqualTo("OrganisationCreated");
		assertThat(properties.<String>getHeader("atlas-correlation-id")).isEqualTo(correlation);
		assertThat(body(created)).containsEntry("orgId", orgId)
			.containsEntry("name", "Agence du Lapin")
			.containsEntry("ownerId", signup.getBody().get("userId"))
			.containsEntry("ownerEmail", email);

		String token = this.api.token(email, ApiClient.PASSWORD);
		var caseCreated = this.api.post(token, "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title",
				"Appartement Croix-Rousse", "fields", Map.of("contactName", "Camille Martin")));
		assertThat(caseCreated.getStatusCode().value()).as(String.valueOf(caseCreated.getBody())).isEqualTo(201);
		Message caseMessage = receiveFor(cases, orgId);
		assertThat(caseMessage).as("CaseCreated on %s", EXCHANGE).isNotNull();
		assertThat(caseMessage.getMessageProperties().getReceivedRoutingKey()).isEqualTo("cases.CaseCreated");
		assertThat(body(caseMessage)).containsEntry("orgId", orgId)
			.containsEntry("caseId", caseCreated.getBody().get("id"))
			.containsEntry("caseType", "LEAD_ACHAT");
	}

	@Test
	void eventsAboutCredentialsAndInvitationsStayInside() {
		Tenant tenant = this.api.newOrganisation("Agence Discrète");
		String everything = queue("#");
		// each of these publishes an event that must not leave: ApiTokenCreated,
		// MemberInvited, PasswordResetRequested, PasswordChanged
		String token = this.api.token(tenant.email(), ApiClient.PASSWORD);
		assertThat(this.api
			.post(token, "/api/v1/members/invitations",
					Map.of("email", "invitee-" + UUID.randomUUID() + "@example.test", "role", "AGENT"))
			.getStatusCode()
			.value()).isEqualTo(201);
		this.accounts.requestPasswordReset(tenant.email());
		// FeatureToggled does leave; once it is there the events published before it had
		// their turn
		assertThat(this.api.put(token, "/api/v1/modules/cases", Map.of("enabled", false)).getStatusCode().value())
			.isEqualTo(200);

		List<String> keys = new ArrayList<>();
		long deadline = System.nanoTime() + WAIT.toNanos();
		boolean toggled = false;
		while (System.nanoTime() < deadline) {
			Message message = this.rabbit.receive(everything, toggled ? 2000 : 500);
			if (message == null) {
				if (toggled) {
					break;
				}
				continue;
			}
			if (tenant.orgId().toString().equals(message.getMessageProperties().getHeader("atlas-org-id"))) {
				String key = message.getMessageProperties().getReceivedRoutingKey();
				keys.add(key);
				toggled |= key.equals("tenancy.FeatureToggled");
				assertThat(new String(message.getBody())).doesNotContain(token).doesNotContain(tenant.token());
			}
		}
		assertThat(keys).contains("tenancy.FeatureToggled")
			.doesNotContain("tenancy.ApiTokenCreated", "tenancy.MemberInvited", "tenancy.PasswordResetRequested",
					"tenancy.PasswordChanged", "cases.CalendarFeedIssued");
	}

	@Test
	void rabbitMqJoinsTheHealth() {
		assertThat(this.context.containsBean("rabbitHealthContributor")).isTrue();
		assertThat(this.api.get(null, "/actuator/health").getBody()).containsEntry("status", "UP");
	}

	private String queue(String routingKey) {
		String name = "atlas-test-" + UUID.randomUUID();
		this.admin.declareQueue(new Queue(name, false, false, false));
		this.queues.add(name);
		this.admin.declareBinding(new Binding(name, Binding.DestinationType.QUEUE, EXCHANGE, routingKey, null));
		return name;
	}

	// other tests' organisations may send the same kind of event meanwhile
	private @Nullable Message receiveFor(String queue, String orgId) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (System.nanoTime() < deadline) {
			Message message = this.rabbit.receive(queue, 1000);
			if (message != null && orgId.equals(message.getMessageProperties().getHeader("atlas-org-id"))) {
				return message;
			}
		}
		return null;
	}

	private Map<String, Object> body(Message message) {
		return this.json.readValue(message.getBody(), Map.class);
	}

}
