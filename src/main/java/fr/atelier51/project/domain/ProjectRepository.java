package fr.atelier51.project.domain;

import fr.atelier51.account.domain.Account;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;

public interface ProjectRepository extends JpaRepository<Project, Long> {

    @Query("select distinct p from Project p left join p.coHolders h where p.owner = :account or h = :account order by p.updatedAt desc")
    List<Project> findForHolder(@Param("account") Account account);

    @Query("select distinct p from Project p join p.coaches c where c = :coach order by p.updatedAt desc")
    List<Project> findForCoach(@Param("coach") Account coach);

    List<Project> findAllByOrderByUpdatedAtDesc();
}
