package org.hotline.live;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link AccountsTest} on H2, which an installation of an earlier version keeps (StoreChoice): the
 * account checks read columns whose types differ between the stores (a disabled account's flag is a
 * boolean on H2, 0 or 1 on SQLite).
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:accounts-h2-${random.uuid};DB_CLOSE_DELAY=-1")
class AccountsOnH2Test extends AccountsTest {
}
