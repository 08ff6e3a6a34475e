package org.chamberlink.region.web;

import org.chamberlink.identity.RoleGroups;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.chamberlink.region.NewRegion;
import org.chamberlink.region.Region;
import org.chamberlink.region.Regions;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/regions")
@Tag(name = "regions", description = "行政区划 / administrative divisions")
class RegionApiController {

	private final Regions regions;

	private final Clock clock;

	RegionApiController(Regions regions, Clock clock) {
		this.regions = regions;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "Provinces, or the regions directly below ?parent=code")
	List<Region> children(@RequestParam(required = false) String parent) {
		if (parent != null) {
			regions.get(parent);
		}
		return regions.children(parent);
	}

	@GetMapping("/{code}")
	@Operation(summary = "One region")
	Region region(@PathVariable String code) {
		return regions.get(code);
	}

	@PostMapping
	@PreAuthorize(RoleGroups.SYSTEM)
	@Operation(summary = "Add a region the NBS file lacks (system administrators)")
	ResponseEntity<Region> add(@Valid @RequestBody NewRegion region) {
		Region added = regions.add(region);
		return ResponseEntity.created(URI.create("/api/v1/regions/" + added.code())).body(added);
	}

	@PostMapping("/{code}/abolish")
	@PreAuthorize(RoleGroups.SYSTEM)
	@Operation(summary = "Mark a region abolished from a date (system administrators); history is kept")
	Region abolish(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
		return regions.abolish(code, on == null ? LocalDate.now(clock) : on);
	}

}
