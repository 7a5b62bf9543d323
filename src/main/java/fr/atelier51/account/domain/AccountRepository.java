package fr.atelier51.account.domain;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

public interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByEmailIgnoreCase(String email);

    boolean existsByEmailIgnoreCase(String email);

    boolean existsByRole(Role role);

    List<Account> findAllByOrderByDisplayNameAsc();

    List<Account> findByRoleAndActiveTrueOrderByDisplayNameAsc(Role role);
}
