package com.creatorcommerce.point.adapter.out.persistence;

import com.creatorcommerce.point.domain.PointBalance;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PointBalances extends JpaRepository<PointBalance, Long> {
}
