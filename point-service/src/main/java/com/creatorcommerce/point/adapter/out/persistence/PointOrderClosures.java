package com.creatorcommerce.point.adapter.out.persistence;

import com.creatorcommerce.point.domain.PointOrderClosure;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PointOrderClosures extends JpaRepository<PointOrderClosure, Long> {
}
