package dev.migrate.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.migrate.Migrator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo as a user runs it: started on its embedded database, its schema upgraded on boot,
 * served over real HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DemoApplicationTests {

	static HttpResponse<String> get(Environment environment, String path) throws Exception {
		return send(HttpRequest.newBuilder(uri(environment, path)).GET());
	}

	static HttpResponse<String> post(Environment environment, String path, String json) throws Exception {
		return send(HttpRequest.newBuilder(uri(environment, path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private static URI uri(Environment environment, String path) {
		return URI.create("http://127.0.0.1:" + environment.getRequiredProperty("local.server.port") + path);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Autowired
	Environment environment;

	@Autowired
	Migrator migrator;

	@Test
	void startsAtTheHeadsOfItsRevisions() {
		assertThat(this.migrator.current()).containsExactly("ae1027a6acf0");
		assertThat(this.migrator.info().isUpToDate()).isTrue();
		assertThat(this.migrator.history()).extracting((entry) -> entry.revision())
			.containsExactly("27c6a30d7c24", "1975ea83b712", "ae1027a6acf0");
	}

	@Test
	void servesTheMigratedCatalog() throws Exception {
		HttpResponse<String> listed = get(this.environment, "/products");
		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(listed.body()).contains("\"name\":\"The Pragmatic Programmer\"")
			.contains("\"category\":\"books\"")
			.contains("\"stock\":0");
	}

	@Test
	void addsProductsThroughTheMigratedSchema() throws Exception {
		HttpResponse<String> created = post(this.environment, "/products",
				"{\"name\":\"Chess\",\"category\":\"games\",\"price\":19.50,\"stock\":3}");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.body()).contains("\"name\":\"Chess\"").contains("\"stock\":3");
		HttpResponse<String> refused = post(this.environment, "/products",
				"{\"name\":\"Saw\",\"category\":\"garden\",\"price\":5,\"stock\":1}");
		assertThat(refused.statusCode()).isEqualTo(400);
	}

	@Test
	void reportsHealthOverHttp() throws Exception {
		HttpResponse<String> health = get(this.environment, "/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

}
