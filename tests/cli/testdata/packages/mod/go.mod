module example.com/lockstep/fixture

go 1.19
