package dev.migrate.testing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JdbcUrlsTests {

	@Test
	void replacesTheDatabaseAndKeepsParameters() {
		assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db:5432/postgres?user=a&ssl=false", "t1"))
			.isEqualTo("jdbc:postgresql://db:5432/t1?user=a&ssl=false");
	}

	@Test
	void addsTheDatabaseToUrlsWithoutOne() {
		assertThat(JdbcUrls.withDatabase("jdbc:mariadb://127.0.0.1:3306/", "t1")).isEqualTo("jdbc:mariadb://127.0.0.1:3306/t1");
		assertThat(JdbcUrls.withDatabase("jdbc:mariadb://127.0.0.1:3306", "t1")).isEqualTo("jdbc:mariadb://127.0.0.1:3306/t1");
		assertThat(JdbcUrls.withDatabase("jdbc:mariadb://127.0.0.1?user=root", "t1"))
			.isEqualTo("jdbc:mariadb://127.0.0.1/t1?user=root");
	}

	@Test
	void keepsEveryHostOfAMultiHostUrl() {
		assertThat(JdbcUrls.withDatabase("jdbc:postgresql://h1:5432,h2:5432/app?targetServerType=primary", "t1"))
			.isEqualTo("jdbc:postgresql://h1:5432,h2:5432/t1?targetServerType=primary");
	}

	@Test
	void readsDecodedParameters() {
		String url = "jdbc:postgresql://db/app?user=migrate&password=p%40ss%26word&ssl";
		assertThat(JdbcUrls.parameter(url, "user")).isEqualTo("migrate");
		assertThat(JdbcUrls.parameter(url, "password")).isEqualTo("p@ss&word");
		assertThat(JdbcUrls.parameter(url, "ssl")).isEmpty();
		assertThat(JdbcUrls.parameter(url, "missing")).isNull();
		assertThat(JdbcUrls.parameter("jdbc:postgresql://db/app", "user")).isNull();
	}

	@Test
	void rejectsUrlsWithoutHost() {
		assertThatIllegalArgumentException().isThrownBy(() -> JdbcUrls.withDatabase("jdbc:postgresql:app", "t1"))
			.withMessageContaining("'jdbc:postgresql:app'")
			.withMessageContaining("jdbc:<driver>://<host>:<port>/<database>");
	}

}
