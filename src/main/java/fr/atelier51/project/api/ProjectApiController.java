package fr.atelier51.project.api;

import fr.atelier51.base.domain.Region;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.service.NewProject;
import fr.atelier51.project.service.ProjectService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** JSON API for scripts and integrations. Access rules are the service's; this only maps JSON. */
@RestController
@RequestMapping("/api/projects")
public class ProjectApiController {

    private final ProjectService projectService;

    public ProjectApiController(ProjectService projectService) {
        this.projectService = projectService;
    }

    /** Regions may be given as enum names, INSEE codes or French names ("Occitanie", "76"). */
    public record CreateProjectRequest(String title, String summary, String organisation, List<String> regions) {
    }

    public record RegionJson(String code, String name) {
        static RegionJson of(Region r) {
            return new RegionJson(r.name(), r.label());
        }
    }

    public record ProjectJson(long id, String title, String summary, String organisation, String status,
                              List<RegionJson> regions, String owner, Instant createdAt, Instant updatedAt) {
        static ProjectJson of(Project p) {
            return new ProjectJson(p.getId(), p.getTitle(), p.getSummary(), p.getOrganisation(), p.getStatus().name(),
                    p.getRegions().stream().sorted().map(RegionJson::of).toList(), p.getOwner().getDisplayName(),
                    p.getCreatedAt(), p.getUpdatedAt());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public ProjectJson create(@RequestBody CreateProjectRequest request) {
        Set<Region> regions = EnumSet.noneOf(Region.class);
        if (request.regions() != null) {
            for (String name : request.regions()) {
                regions.add(Region.parse(name).orElseThrow(() -> new BusinessException("project.error.region-unknown", name)));
            }
        }
        return ProjectJson.of(projectService.create(
                new NewProject(request.title(), request.summary(), request.organisation(), regions)));
    }

    @GetMapping
    public List<ProjectJson> list() {
        return projectService.listVisible().stream().map(ProjectJson::of).toList();
    }

    @GetMapping("/{id}")
    public ProjectJson get(@PathVariable long id) {
        return ProjectJson.of(projectService.get(id));
    }
}
